package fr.elus.dife.securite;

import fr.elus.dife.api.BaseOccupee;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On /engine-rest and the webapps' engine API, the engine answers a write that waited
 * too long for another transaction with a 500 whose message hides the cause ("An
 * exception occurred in the persistence layer"). These mappers, of the same types as the
 * engine's and ranked before them (GardeMoteurRest registers them), take only those
 * failures and answer them as /api does: 503 with Retry-After.
 */
final class BaseOccupeeSurLeMoteur {

  /** Ranked before the engine's mappers, which have Jersey's default rank (5000). */
  static final int RANG = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(BaseOccupeeSurLeMoteur.class);

  private BaseOccupeeSurLeMoteur() {
  }

  private static Response occupee(Throwable erreur) {
    LOG.warn("Base occupée, requête du moteur refusée sans rien écrire : {}", erreur.toString());
    ExceptionDto corps = new ExceptionDto();
    corps.setType(erreur.getClass().getSimpleName());
    corps.setMessage(BaseOccupee.MESSAGE);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", BaseOccupee.SECONDES_AVANT_NOUVEL_ESSAI)
        .type(MediaType.APPLICATION_JSON_TYPE).entity(corps).build();
  }

  /** Takes, of its type, only the failures that are such a wait. */
  private abstract static class Mappeur<E extends Throwable> implements ExtendedExceptionMapper<E> {
    @Override
    public boolean isMappable(E erreur) {
      return BaseOccupee.cause(erreur);
    }

    @Override
    public Response toResponse(E erreur) {
      return occupee(erreur);
    }
  }

  /** What the REST resources throw when a command fails (task completion, for example). */
  static final class PourRest extends Mappeur<RestException> {
  }

  /** What the engine's services throw through the resources that do not wrap it. */
  static final class PourLeMoteur extends Mappeur<ProcessEngineException> {
  }
}
